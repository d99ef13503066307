#include "png_encoder.h"
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

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
