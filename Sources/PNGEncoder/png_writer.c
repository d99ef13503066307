/* The PNG encoder: rows filtered (Up) and deflated with zlib, written as IHDR, pHYs, text
   chunks, IDAT and IEND. A big image is deflated in stripes on several threads, as pigz
   does: each stripe a raw deflate stream ending on a byte boundary (Z_SYNC_FLUSH), the last
   one final, their Adler-32 sums combined; together they are one zlib stream. */
#include "png_encoder.h"
#include <zlib.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    uint8_t *data;
    size_t len, cap;
    int failed;
} bytes_t;

static void put(bytes_t *b, const void *p, size_t n) {
    if (b->failed) return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n) cap *= 2;
        uint8_t *grown = (uint8_t *)realloc(b->data, cap);
        if (!grown) { b->failed = 1; return; }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

static void put32(bytes_t *b, uint32_t v) {
    uint8_t q[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v };
    put(b, q, 4);
}

static void chunk(bytes_t *b, const char *type, const uint8_t *data, size_t n) {
    put32(b, (uint32_t)n);
    put(b, type, 4);
    if (n) put(b, data, n);
    uLong crc = crc32(0L, (const Bytef *)type, 4);
    if (n) crc = crc32_z(crc, data, n);
    put32(b, (uint32_t)crc);
}

/* One stripe of rows and its compressed bytes. */
typedef struct {
    const uint8_t *pixels;
    size_t stride;
    uint32_t width, row0, row1;
    int format;           /* 3, 4 or DESCENT_PNG_NATIVE_XRGB32 */
    int level, strategy, last;
    bytes_t out;
    uLong adler;
    size_t raw;           /* filtered bytes fed in */
    int status;
} stripe_t;

/* Row y as packed RGB or RGBA bytes. */
static void unpack(const stripe_t *s, uint32_t y, uint8_t *dst) {
    const uint8_t *src = s->pixels + (size_t)y * s->stride;
    if (s->format == DESCENT_PNG_NATIVE_XRGB32) {
        const uint32_t *px = (const uint32_t *)(const void *)src;
        for (uint32_t x = 0; x < s->width; x++) {
            uint32_t p = px[x];
            dst[3 * x] = (uint8_t)(p >> 16); dst[3 * x + 1] = (uint8_t)(p >> 8); dst[3 * x + 2] = (uint8_t)p;
        }
    } else {
        memcpy(dst, src, (size_t)s->width * (size_t)s->format);
    }
}

static void *deflate_stripe(void *arg) {
    stripe_t *s = (stripe_t *)arg;
    const size_t row = (size_t)s->width * (s->format == 4 ? 4 : 3);
    uint8_t *prev = (uint8_t *)calloc(row, 1), *cur = (uint8_t *)malloc(row), *line = (uint8_t *)malloc(row + 1);
    z_stream z;
    memset(&z, 0, sizeof z);
    s->status = 1;
    s->adler = adler32(0L, Z_NULL, 0);
    if (!prev || !cur || !line || deflateInit2(&z, s->level, Z_DEFLATED, -15, 8, s->strategy) != Z_OK) goto done;
    /* The row above the stripe, so its first row is filtered as in one pass. */
    if (s->row0 > 0) unpack(s, s->row0 - 1, prev);
    uint8_t buffer[1 << 16];
    for (uint32_t y = s->row0; y < s->row1; y++) {
        unpack(s, y, cur);
        line[0] = 2;  /* Up */
        for (size_t i = 0; i < row; i++) line[i + 1] = (uint8_t)(cur[i] - prev[i]);
        s->adler = adler32_z(s->adler, line, row + 1);
        s->raw += row + 1;
        z.next_in = line;
        z.avail_in = (uInt)(row + 1);
        int flush = y + 1 == s->row1 ? (s->last ? Z_FINISH : Z_SYNC_FLUSH) : Z_NO_FLUSH;
        do {
            z.next_out = buffer;
            z.avail_out = sizeof buffer;
            int r = deflate(&z, flush);
            if (r == Z_STREAM_ERROR) goto done;
            put(&s->out, buffer, sizeof buffer - z.avail_out);
        } while (z.avail_out == 0);
        uint8_t *t = prev; prev = cur; cur = t;
    }
    s->status = s->out.failed ? 1 : 0;
done:
    deflateEnd(&z);
    free(prev); free(cur); free(line);
    return NULL;
}

/* Stripes for an image: one below 4 Mpx, else one per core (at most 4). */
static int stripe_count(uint32_t width, uint32_t height) {
    if ((uint64_t)width * height < 4000000u || height < 64) return 1;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return cores < 2 ? 1 : (cores > 4 ? 4 : (int)cores);
}

int descent_png_encode(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                       int channels, uint32_t pixels_per_meter,
                       const descent_png_text *texts, int text_count, int compression_level,
                       uint8_t **out, size_t *out_len, char *error, size_t error_len) {
    if (channels != 3 && channels != 4 && channels != DESCENT_PNG_NATIVE_XRGB32) {
        snprintf(error, error_len, "unsupported channel count %d", channels);
        return 1;
    }
    if (width == 0 || height == 0 || width > 0x7FFFFFFFu || height > 0x7FFFFFFFu) {
        snprintf(error, error_len, "image size %ux%u is out of range", width, height);
        return 1;
    }
    int level = compression_level < 0 || compression_level > 9 ? Z_DEFAULT_COMPRESSION : compression_level;
    /* Past 16 Mpx (a big graph's mostly white page) run-length matching only: deflate then
       skips its hash chains, the longest part of encoding; the filtered white rows are runs. */
    int strategy = (uint64_t)width * height > 16000000u ? Z_RLE : Z_DEFAULT_STRATEGY;
    int n = stripe_count(width, height);
    stripe_t stripes[4];
    pthread_t threads[4];
    int started[4] = {0, 0, 0, 0};
    for (int k = 0; k < n; k++) {
        stripe_t s = { pixels, stride, width, (uint32_t)((uint64_t)height * k / n), (uint32_t)((uint64_t)height * (k + 1) / n),
                       channels, level, strategy, k == n - 1, { NULL, 0, 0, 0 }, 0, 0, 1 };
        stripes[k] = s;
    }
    for (int k = 1; k < n; k++) started[k] = pthread_create(&threads[k], NULL, deflate_stripe, &stripes[k]) == 0;
    deflate_stripe(&stripes[0]);
    for (int k = 1; k < n; k++) {
        if (started[k]) pthread_join(threads[k], NULL); else deflate_stripe(&stripes[k]);
    }
    int failed = 0;
    for (int k = 0; k < n; k++) failed |= stripes[k].status;

    bytes_t b = { NULL, 0, 0, 0 };
    if (!failed) {
        static const uint8_t signature[8] = { 137, 80, 78, 71, 13, 10, 26, 10 };
        put(&b, signature, 8);
        uint8_t ihdr[13] = { (uint8_t)(width >> 24), (uint8_t)(width >> 16), (uint8_t)(width >> 8), (uint8_t)width,
                             (uint8_t)(height >> 24), (uint8_t)(height >> 16), (uint8_t)(height >> 8), (uint8_t)height,
                             8, channels == 4 ? 6 : 2, 0, 0, 0 };
        chunk(&b, "IHDR", ihdr, 13);
        if (pixels_per_meter > 0) {
            uint32_t p = pixels_per_meter;
            uint8_t phys[9] = { (uint8_t)(p >> 24), (uint8_t)(p >> 16), (uint8_t)(p >> 8), (uint8_t)p,
                                (uint8_t)(p >> 24), (uint8_t)(p >> 16), (uint8_t)(p >> 8), (uint8_t)p, 1 };
            chunk(&b, "pHYs", phys, 9);
        }
        for (int i = 0; i < text_count; i++) {
            /* keyword, NUL, text (tEXt); long texts (a long command line) compressed (zTXt). */
            size_t kn = strlen(texts[i].key), tn = strlen(texts[i].text);
            if (kn == 0 || kn > 79) continue;
            bytes_t c = { NULL, 0, 0, 0 };
            put(&c, texts[i].key, kn + 1);
            if (tn > 1024) {
                uint8_t method = 0;
                put(&c, &method, 1);
                uLongf zn = compressBound((uLong)tn);
                uint8_t *z = (uint8_t *)malloc(zn);
                if (z && compress2(z, &zn, (const Bytef *)texts[i].text, (uLong)tn, 9) == Z_OK) put(&c, z, zn); else c.failed = 1;
                free(z);
                if (!c.failed) chunk(&b, "zTXt", c.data, c.len);
            } else {
                put(&c, texts[i].text, tn);
                if (!c.failed) chunk(&b, "tEXt", c.data, c.len);
            }
            b.failed |= c.failed;
            free(c.data);
        }
        /* The zlib stream: header, the stripes' deflate data, the combined Adler-32. */
        bytes_t idat = { NULL, 0, 0, 0 };
        static const uint8_t header[2] = { 0x78, 0x01 };
        put(&idat, header, 2);
        uLong adler = stripes[0].adler;
        for (int k = 0; k < n; k++) {
            put(&idat, stripes[k].out.data, stripes[k].out.len);
            if (k > 0) adler = adler32_combine(adler, stripes[k].adler, (z_off_t)stripes[k].raw);
        }
        put32(&idat, (uint32_t)adler);
        /* IDAT chunks of at most 1 MiB, as encoders commonly write them. */
        for (size_t at = 0; at < idat.len && !idat.failed; at += 1u << 20) {
            size_t len = idat.len - at < (1u << 20) ? idat.len - at : (1u << 20);
            chunk(&b, "IDAT", idat.data + at, len);
        }
        b.failed |= idat.failed;
        free(idat.data);
        chunk(&b, "IEND", NULL, 0);
    }
    for (int k = 0; k < n; k++) free(stripes[k].out.data);
    if (failed || b.failed) {
        free(b.data);
        snprintf(error, error_len, "out of memory while encoding a %ux%u PNG", width, height);
        return 1;
    }
    *out = b.data;
    *out_len = b.len;
    return 0;
}
