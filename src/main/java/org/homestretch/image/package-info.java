/**
 * Uploaded images, for every feature that takes one (exercise photos, the clinic logo): the
 * format told from the bytes, the size in pixels read from the header before anything is decoded,
 * decompression bombs and archives refused, and what passes re-encoded as a metadata-free JPEG.
 * Refusals are {@link org.homestretch.image.ImageException}s naming the form field.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Uploaded images", allowedDependencies = {})
package org.homestretch.image;
