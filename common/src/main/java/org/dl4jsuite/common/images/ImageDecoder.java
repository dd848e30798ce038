package org.dl4jsuite.common.images;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.dl4jsuite.common.SuiteException;

/**
 * Decodes a user's image file with OpenCV once its signature says PNG, JPEG or BMP and its header (read by the
 * JDK's own ImageIO reader, no pixels decoded) declares at most {@link #MAX_PIXELS} pixels. OpenCV allocates
 * whatever size a header claims (up to 2^30 pixels) before it finds the data missing, and DataVec's loader would
 * hand an undecodable file to a second native decoder (Leptonica); neither sees a file this class refuses.
 */
public final class ImageDecoder {
    /** The largest image decoded: 100 megapixels (a 12,000 × 8,000 photo), 300 MB as 8-bit BGR. */
    public static final long MAX_PIXELS = 100_000_000L;
    /** The longest side decoded: JPEG's own limit (OpenCV's is 2^20). */
    public static final int MAX_SIDE = 65_535;

    private static final Map<String, byte[]> SIGNATURES = signatures();

    private ImageDecoder() {
    }

    private static Map<String, byte[]> signatures() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        m.put("jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
        m.put("bmp", new byte[] {'B', 'M'});
        return m;
    }

    /** The format and size an image file's header declares. */
    public record Header(String format, int width, int height) {
    }

    /** Decodes {@code file} with OpenCV's {@code imread} and {@code flags}; any refusal is a user error naming the file. */
    public static Mat decode(Path file, int flags) {
        header(file);
        Mat image;
        try {
            image = imread(file.toString(), flags);
        } catch (RuntimeException e) {
            // OpenCV's own checks (found by ImageDecoderFuzzTest: a 2,000,000 × 1 BMP is within MAX_PIXELS but
            // wider than OpenCV's 2^20 limit) arrive as a RuntimeException carrying cv::Exception's text.
            throw new SuiteException("cannot decode " + file + ": OpenCV refused it (" + e.getMessage().strip()
                    + "); pass another PNG, JPEG or BMP file");
        }
        if (image == null || image.empty()) {
            throw new SuiteException("cannot decode " + file + ": its pixel data is damaged or in a variant "
                    + "OpenCV does not read; pass another PNG, JPEG or BMP file");
        }
        return image;
    }

    /** The header of {@code file}, checked: a PNG, JPEG or BMP of 1 to {@link #MAX_PIXELS} pixels. */
    public static Header header(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SuiteException("image not found: " + file.toAbsolutePath());
        }
        String format = format(file);
        Header header;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = jdkReader(format);
            try {
                reader.setInput(in, true, true);
                header = new Header(format, reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new SuiteException("cannot read " + file + " as an image: its " + format.toUpperCase(Locale.ROOT)
                    + " header is damaged (" + e.getMessage() + "); pass a PNG, JPEG or BMP file");
        }
        if (header.width() <= 0 || header.height() <= 0 || header.width() > MAX_SIDE || header.height() > MAX_SIDE
                || (long) header.width() * header.height() > MAX_PIXELS) {
            throw new SuiteException(String.format("%s declares %d × %d pixels; images of 1 to %,d pixels, at most "
                    + "%,d on a side, are read: scale it down first", file, header.width(), header.height(), MAX_PIXELS,
                    MAX_SIDE));
        }
        return header;
    }

    /** png, jpeg or bmp by the file's signature (what OpenCV goes by too); anything else is a user error. */
    private static String format(Path file) {
        byte[] start = new byte[8];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new SuiteException("cannot read " + file + ": " + e.getMessage());
        }
        for (Map.Entry<String, byte[]> signature : SIGNATURES.entrySet()) {
            byte[] magic = signature.getValue();
            if (n >= magic.length && Arrays.equals(start, 0, magic.length, magic, 0, magic.length)) {
                return signature.getKey();
            }
        }
        throw new SuiteException(file + " is not a PNG, JPEG or BMP file (its first bytes are none of theirs); "
                + "pass a PNG, JPEG or BMP file");
    }

    /**
     * The JDK's own reader of {@code format}. ImageIO's plugin lookup would also instantiate the readers that
     * jai-imageio (on the classpath through DataVec) registers, and its PNM reader fails on Java 17 with an
     * IllegalAccessError (found by ImageDecoderFuzzTest).
     */
    private static ImageReader jdkReader(String format) throws IOException {
        Iterator<ImageReaderSpi> providers = IIORegistry.getDefaultInstance()
                .getServiceProviders(ImageReaderSpi.class, true);
        while (providers.hasNext()) {
            ImageReaderSpi spi = providers.next();
            if (spi.getClass().getName().startsWith("com.sun.imageio.plugins.")
                    && Arrays.asList(spi.getFormatNames()).contains(format)) {
                return spi.createReaderInstance();
            }
        }
        throw new IllegalStateException("this JDK has no ImageIO reader for " + format);
    }
}
