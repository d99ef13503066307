#include "png_encoder.h"
#include <png.h>
#include <zlib.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

typedef struct {
    uint8_t *data;
    size_t len;
    size_t cap;
    int failed;
} buffer_t;

typedef struct {
    char *message;
    size_t message_len;
} error_sink_t;

static void write_bytes(png_structp png, png_bytep bytes, png_size_t n) {
    buffer_t *b = (buffer_t *)png_get_io_ptr(png);
    if (b->failed) return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->len + n) cap *= 2;
        uint8_t *grown = (uint8_t *)realloc(b->data, cap);
        if (!grown) { b->failed = 1; png_error(png, "out of memory"); return; }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
}

static void flush_bytes(png_structp png) { (void)png; }

static void on_error(png_structp png, png_const_charp msg) {
    error_sink_t *sink = (error_sink_t *)png_get_error_ptr(png);
    if (sink && sink->message && sink->message_len) {
        snprintf(sink->message, sink->message_len, "libpng: %s", msg);
    }
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg) { (void)png; (void)msg; }

int descent_png_encode(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                       int channels, uint32_t pixels_per_meter,
                       const descent_png_text *texts, int text_count, int compression_level,
                       uint8_t **out, size_t *out_len, char *error, size_t error_len) {
    error_sink_t sink = { error, error_len };
    buffer_t buffer = { NULL, 0, 0, 0 };
    png_textp volatile text_chunks = NULL;
    png_bytepp volatile rows = NULL;
    /* Cairo's RGB24 rows: native-endian 0x00RRGGBB words, written as RGB. */
    const int xrgb = channels == DESCENT_PNG_NATIVE_XRGB32;
    if (xrgb) channels = 3;
    if (channels != 3 && channels != 4) {
        snprintf(error, error_len, "unsupported channel count %d", channels);
        return 1;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_error, on_warning);
    if (!png) { snprintf(error, error_len, "libpng: cannot create write struct"); return 1; }
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        snprintf(error, error_len, "libpng: cannot create info struct");
        return 1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(buffer.data);
        free(text_chunks);
        free(rows);
        return 1;
    }
    png_set_write_fn(png, &buffer, write_bytes, flush_bytes);
    png_set_IHDR(png, info, width, height, 8,
                 channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (pixels_per_meter > 0) {
        png_set_pHYs(png, info, pixels_per_meter, pixels_per_meter, PNG_RESOLUTION_METER);
    }
    if (text_count > 0) {
        text_chunks = (png_textp)calloc((size_t)text_count, sizeof(png_text));
        if (!text_chunks) png_error(png, "out of memory");
        for (int i = 0; i < text_count; i++) {
            size_t n = strlen(texts[i].text);
            /* Long values (a long command line) are stored compressed. */
            text_chunks[i].compression = n > 1024 ? PNG_TEXT_COMPRESSION_zTXt : PNG_TEXT_COMPRESSION_NONE;
            text_chunks[i].key = (png_charp)texts[i].key;
            text_chunks[i].text = (png_charp)texts[i].text;
            text_chunks[i].text_length = n;
        }
        png_set_text(png, info, text_chunks, text_count);
    }
    if (compression_level >= 0) png_set_compression_level(png, compression_level);
    /* One filter, Up: no per-row trial of several (which took as long as deflate itself), and
       on the course figures within 2% of the size the best of Sub and Up per row gives. */
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    /* Past 16 Mpx (a big graph's mostly white page) run-length matching only: deflate then
       skips its hash chains, the longest part of encoding; the filtered white rows are runs. */
    if ((uint64_t)width * height > 16000000u) png_set_compression_strategy(png, Z_RLE);
    rows = (png_bytepp)malloc(sizeof(png_bytep) * height);
    if (!rows) png_error(png, "out of memory");
    for (uint32_t y = 0; y < height; y++) rows[y] = (png_bytep)(pixels + (size_t)y * stride);
    png_set_rows(png, info, rows);
    int transforms = PNG_TRANSFORM_IDENTITY;
    if (xrgb) {
        const uint32_t one = 1;
        const int little = *(const uint8_t *)&one == 1;
        /* Little-endian words are B, G, R, x in memory; big-endian x, R, G, B. */
        transforms = little ? (PNG_TRANSFORM_STRIP_FILLER_AFTER | PNG_TRANSFORM_BGR) : PNG_TRANSFORM_STRIP_FILLER_BEFORE;
    }
    png_write_png(png, info, transforms, NULL);
    png_destroy_write_struct(&png, &info);
    free(text_chunks);
    free(rows);
    *out = buffer.data;
    *out_len = buffer.len;
    return 0;
}

void descent_png_free(uint8_t *buffer) { free(buffer); }

int descent_png_decode_rgb(const uint8_t *data, size_t length, uint8_t **rgb,
                           uint32_t *width, uint32_t *height, char *error, size_t error_len) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, length)) {
        snprintf(error, error_len, "libpng: %s", image.message);
        return 1;
    }
    image.format = PNG_FORMAT_RGB;
    size_t size = PNG_IMAGE_SIZE(image);
    uint8_t *buffer = (uint8_t *)malloc(size);
    if (!buffer) { png_image_free(&image); snprintf(error, error_len, "out of memory"); return 1; }
    png_color white = { 255, 255, 255 };
    if (!png_image_finish_read(&image, &white, buffer, 0, NULL)) {
        snprintf(error, error_len, "libpng: %s", image.message);
        free(buffer);
        return 1;
    }
    *rgb = buffer;
    *width = image.width;
    *height = image.height;
    return 0;
}
