package ru.rossgram.imaging;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.ColorConvertOp;

/**
 * Converts pixels tagged with an embedded profile (Display P3 from iPhones, Adobe RGB from cameras) to sRGB,
 * which is what every screen assumes of an untagged JPEG. Runs on finished renditions, which are small, as
 * libvips does; averaging first and converting after is indistinguishable for photos and far cheaper.
 * Not thread-safe: one per original.
 */
final class SrgbConverter {
    private ICC_Profile cachedProfile;
    private ColorConvertOp cachedOp;

    /** The image in sRGB: itself when it is already (untagged RGB, or tagged with an sRGB profile). */
    RgbImage toSrgb(RgbImage image) {
        if (image.isYcc()) {
            image = YccToRgb.convert(image);
        }
        ICC_Profile profile = image.profile();
        if (profile == null) {
            return image;
        }
        if (ColorProfiles.isCS_sRGB(profile)) {
            return new RgbImage(image.width(), image.height(), image.rgb(), null);
        }
        RgbImage converted = RgbImage.blank(image.width(), image.height(), null);
        try {
            op(profile).filter(image.asRaster(), converted.asRaster());
            return converted;
        } catch (CMMException | IllegalArgumentException e) {
            // A profile that parses but that LittleCMS cannot use: show the numbers as sRGB, as browsers do.
            return new RgbImage(image.width(), image.height(), image.rgb(), null);
        }
    }

    private ColorConvertOp op(ICC_Profile profile) {
        if (profile != cachedProfile) {
            // The op keeps its colour transform between calls: one per profile, reused for every rendition.
            cachedOp = new ColorConvertOp(new ICC_ColorSpace(profile), ColorSpace.getInstance(ColorSpace.CS_sRGB), null);
            cachedProfile = profile;
        }
        return cachedOp;
    }
}
