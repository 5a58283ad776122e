/*
 * libvips used as a library, doing our job: decode a JPEG once (shrink-on-load at w1080), make w640, w320 and a
 * centre-cropped square150 from that image, and encode all four as progressive, stripped, quality-82, 4:2:0 JPEGs.
 * One thread and no operation cache, so every run decodes and the timing compares with one Lambda vCPU.
 *
 * Usage: vips-thumbnails FILE RUNS WARMUPS [OUTDIR]
 * Prints "RUN <ms>" per timed run (monotonic clock, file already in memory); with OUTDIR it writes the four
 * JPEGs of the last run as OUTDIR/vipslib-<rendition>.jpg. Built by imaging/scripts/benchmark.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <vips/vips.h>

#define RENDITIONS 4

static const char *NAMES[RENDITIONS] = {"w1080", "w640", "w320", "square150"};

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int save(VipsImage *image, void **out, size_t *length) {
    return vips_jpegsave_buffer(image, out, length, "Q", 82, "interlace", TRUE, "strip", TRUE,
                                "subsample_mode", VIPS_FOREIGN_SUBSAMPLE_ON, NULL);
}

/* Makes the four renditions; on success out[i]/lengths[i] hold the encoded JPEGs (g_free them). */
static int make(const void *original, size_t size, void *out[RENDITIONS], size_t lengths[RENDITIONS]) {
    VipsImage *w1080 = NULL;
    VipsImage *smaller[RENDITIONS] = {NULL};
    int failed = vips_thumbnail_buffer((void *) original, size, &w1080, 1080, "height", VIPS_MAX_COORD,
                                       "size", VIPS_SIZE_DOWN, NULL);
    if (!failed) {
        /* The decoded w1080 is read by four pipelines; copying it to memory keeps them from re-decoding. */
        VipsImage *decoded = vips_image_copy_memory(w1080);
        g_object_unref(w1080);
        w1080 = decoded;
        failed = decoded == NULL;
    }
    if (!failed) {
        failed = vips_thumbnail_image(w1080, &smaller[1], 640, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL)
                 || vips_thumbnail_image(w1080, &smaller[2], 320, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL)
                 || vips_thumbnail_image(w1080, &smaller[3], 150, "height", 150, "crop", VIPS_INTERESTING_CENTRE, NULL);
    }
    smaller[0] = w1080;
    for (int i = 0; i < RENDITIONS; i++) {
        out[i] = NULL;
        if (!failed) {
            failed = save(smaller[i], &out[i], &lengths[i]);
        }
    }
    for (int i = 0; i < RENDITIONS; i++) {
        if (smaller[i]) {
            g_object_unref(smaller[i]);
        }
    }
    return failed;
}

static void release(void *out[RENDITIONS]) {
    for (int i = 0; i < RENDITIONS; i++) {
        g_free(out[i]);
        out[i] = NULL;
    }
}

static int write_outputs(const char *dir, void *out[RENDITIONS], size_t lengths[RENDITIONS]) {
    for (int i = 0; i < RENDITIONS; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/vipslib-%s.jpg", dir, NAMES[i]);
        FILE *file = fopen(path, "wb");
        if (!file || fwrite(out[i], 1, lengths[i], file) != lengths[i] || fclose(file)) {
            fprintf(stderr, "cannot write %s\n", path);
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s FILE RUNS WARMUPS [OUTDIR]\n", argv[0]);
        return 2;
    }
    if (VIPS_INIT(argv[0])) {
        vips_error_exit(NULL);
    }
    vips_concurrency_set(1);
    vips_cache_set_max(0);

    gchar *original;
    gsize size;
    GError *error = NULL;
    if (!g_file_get_contents(argv[1], &original, &size, &error)) {
        fprintf(stderr, "%s\n", error->message);
        return 1;
    }
    int runs = atoi(argv[2]);
    int warmups = atoi(argv[3]);
    void *out[RENDITIONS] = {NULL};
    size_t lengths[RENDITIONS];
    for (int i = 0; i < warmups + runs; i++) {
        double start = now_ms();
        if (make(original, size, out, lengths)) {
            vips_error_exit("%s", argv[1]);
        }
        double millis = now_ms() - start;
        if (i >= warmups) {
            printf("RUN %.1f\n", millis);
        }
        if (i < warmups + runs - 1) {
            release(out);
        }
    }
    int failed = argc > 4 && write_outputs(argv[4], out, lengths);
    release(out);
    g_free(original);
    vips_shutdown();
    return failed;
}
