#ifndef DESCENT_PNG_ENCODER_H
#define DESCENT_PNG_ENCODER_H
#include <stddef.h>
#include <stdint.h>

/// One tEXt chunk.
typedef struct {
    const char *key;
    const char *text;
} descent_png_text;

/// `channels` value for rows of native-endian 32-bit 0x00RRGGBB pixels (Cairo's RGB24), written as RGB.
#define DESCENT_PNG_NATIVE_XRGB32 (-32)

/// Encodes 8-bit RGB or RGBA rows into a PNG held in memory.
/// `channels` is 3, 4 or DESCENT_PNG_NATIVE_XRGB32. `pixels_per_meter` goes into pHYs (0 = no pHYs).
/// On success returns 0 and sets *out / *out_len (free with descent_png_free).
/// On failure returns non-zero and writes a message into `error` (size `error_len`).
int descent_png_encode(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                       int channels, uint32_t pixels_per_meter,
                       const descent_png_text *texts, int text_count, int compression_level,
                       uint8_t **out, size_t *out_len, char *error, size_t error_len);

void descent_png_free(uint8_t *buffer);

#endif

#ifndef DESCENT_PNG_DECODER
#define DESCENT_PNG_DECODER
/// Decodes a PNG held in memory into packed 8-bit RGB (composited on white).
/// On success returns 0 and sets *rgb (free with descent_png_free), *width, *height.
int descent_png_decode_rgb(const uint8_t *data, size_t length, uint8_t **rgb,
                           uint32_t *width, uint32_t *height, char *error, size_t error_len);
#endif
