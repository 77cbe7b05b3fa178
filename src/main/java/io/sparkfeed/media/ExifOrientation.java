package io.sparkfeed.media;

/**
 * Reads the EXIF orientation (1 to 8) of a JPEG, so a phone photo taken sideways is stored upright once its
 * metadata is gone. Walks the marker segments up to the first scan and reads one tag of IFD0; anything unexpected
 * means "as stored" (1), never an error: the orientation is a courtesy, not a reason to refuse a photo.
 */
final class ExifOrientation {

    static final int NORMAL = 1;
    private static final int TAG_ORIENTATION = 0x0112;
    private static final int TYPE_SHORT = 3;

    private ExifOrientation() {}

    static int of(byte[] jpeg) {
        try {
            int at = 2; // after SOI
            while (at + 4 <= jpeg.length) {
                if ((jpeg[at] & 0xFF) != 0xFF) {
                    return NORMAL;
                }
                int marker = jpeg[at + 1] & 0xFF;
                if (marker == 0xFF) { // fill byte
                    at++;
                    continue;
                }
                if (marker == 0xDA || marker == 0xD9) { // start of scan, end of image: no more metadata
                    return NORMAL;
                }
                int length = u16(jpeg, at + 2, false);
                if (length < 2) {
                    return NORMAL;
                }
                int data = at + 4;
                if (marker == 0xE1
                        && length >= 8
                        && data + 6 <= jpeg.length
                        && jpeg[data] == 'E'
                        && jpeg[data + 1] == 'x'
                        && jpeg[data + 2] == 'i'
                        && jpeg[data + 3] == 'f'
                        && jpeg[data + 4] == 0
                        && jpeg[data + 5] == 0) {
                    return fromTiff(jpeg, data + 6, Math.min(jpeg.length, at + 2 + length));
                }
                at += 2 + length;
            }
        } catch (IndexOutOfBoundsException truncated) {
            // a damaged header: keep the image as stored
        }
        return NORMAL;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return NORMAL;
        }
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        if (ifd < tiff + 8 || ifd + 2 > end) {
            return NORMAL;
        }
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (u16(b, entry, little) == TAG_ORIENTATION && u16(b, entry + 2, little) == TYPE_SHORT) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : NORMAL;
            }
        }
        return NORMAL;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return little ? second << 8 | first : first << 8 | second;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long high = u16(b, little ? at + 2 : at, little);
        long low = u16(b, little ? at : at + 2, little);
        return high << 16 | low;
    }
}
