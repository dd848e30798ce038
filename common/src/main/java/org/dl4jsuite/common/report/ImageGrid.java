package org.dl4jsuite.common.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PNG grid of small grayscale images, each enlarged and captioned (e.g. "pred 3 / true 5"); wrong
 * items get a red frame and a red caption, the others a dark green caption.
 */
public final class ImageGrid {

    static final Color WRONG = new Color(220, 0, 0);
    static final Color RIGHT = new Color(0, 128, 0);
    static final int MARGIN = 6;
    static final int FRAME = 2;
    static final int CAPTION_HEIGHT = 18;
    private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final int imageRows;
    private final int imageCols;
    private final int columns;
    private int scale = 3;
    private final List<Item> items = new ArrayList<>();

    /** A grid of {@code imageRows}×{@code imageCols} images laid out {@code columns} per row. */
    public ImageGrid(int imageRows, int imageCols, int columns) {
        if (imageRows <= 0 || imageCols <= 0 || columns <= 0) {
            throw new IllegalArgumentException("Image size and column count must be positive, got "
                    + imageRows + "×" + imageCols + " in " + columns + " columns");
        }
        this.imageRows = imageRows;
        this.imageCols = imageCols;
        this.columns = columns;
    }

    /** Enlarges every image pixel to a {@code factor}×{@code factor} block (default 3). */
    public ImageGrid scale(int factor) {
        if (factor <= 0) {
            throw new IllegalArgumentException("Scale factor must be positive, got " + factor);
        }
        this.scale = factor;
        return this;
    }

    /**
     * Adds an image given row by row as intensities in [0, 1] (0 black, 1 white; others clamped, NaN black):
     * one plane for grayscale, or three (red, green, blue planes in turn) for colour.
     */
    public ImageGrid add(float[] pixels, String caption, boolean wrong) {
        int plane = imageRows * imageCols;
        if (pixels.length != plane && pixels.length != 3 * plane) {
            throw new IllegalArgumentException("Expected " + imageRows + "×" + imageCols + " = " + plane
                    + " pixels (or three planes of them) but got " + pixels.length);
        }
        items.add(new Item(pixels.clone(), caption == null ? "" : caption, wrong));
        return this;
    }

    public int size() {
        return items.size();
    }

    /** Draws the grid; an empty grid is one blank cell so the PNG is still valid. */
    public BufferedImage render() {
        Headless.ensure();
        int gridCols = Math.max(1, Math.min(columns, items.size()));
        int gridRows = Math.max(1, (items.size() + columns - 1) / columns);
        BufferedImage out = new BufferedImage(gridCols * cellWidth(), gridRows * cellHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(CAPTION_FONT);
            for (int i = 0; i < items.size(); i++) {
                drawItem(g, out, items.get(i), (i % columns) * cellWidth(), (i / columns) * cellHeight());
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Renders the grid and writes it to {@code png} atomically; throws SuiteException if it cannot be written. */
    public void save(Path png) {
        PngFile.write(png, render());
    }

    int cellWidth() {
        return imageCols * scale + 2 * MARGIN;
    }

    int cellHeight() {
        return imageRows * scale + 2 * MARGIN + CAPTION_HEIGHT;
    }

    /** Top-left pixel of the enlarged image of item {@code index}. */
    int[] imageOrigin(int index) {
        return new int[] {(index % columns) * cellWidth() + MARGIN, (index / columns) * cellHeight() + MARGIN};
    }

    private void drawItem(Graphics2D g, BufferedImage out, Item item, int cellX, int cellY) {
        int x0 = cellX + MARGIN;
        int y0 = cellY + MARGIN;
        if (item.wrong) {
            // A filled rectangle that the image then covers: the frame lies in the margin and never hides a pixel.
            g.setColor(WRONG);
            g.fillRect(x0 - FRAME, y0 - FRAME, imageCols * scale + 2 * FRAME, imageRows * scale + 2 * FRAME);
        }
        for (int r = 0; r < imageRows; r++) {
            for (int c = 0; c < imageCols; c++) {
                int at = r * imageCols + c;
                int plane = imageRows * imageCols;
                int red = toGray(item.pixels[at]);
                boolean colour = item.pixels.length == 3 * plane;
                int green = colour ? toGray(item.pixels[plane + at]) : red;
                int blue = colour ? toGray(item.pixels[2 * plane + at]) : red;
                int rgb = (red << 16) | (green << 8) | blue;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        out.setRGB(x0 + c * scale + dx, y0 + r * scale + dy, rgb);
                    }
                }
            }
        }
        g.setColor(item.wrong ? WRONG : RIGHT);
        FontMetrics metrics = g.getFontMetrics();
        String caption = fit(item.caption, metrics, cellWidth() - 2);
        int textX = cellX + (cellWidth() - metrics.stringWidth(caption)) / 2;
        int textY = y0 + imageRows * scale + MARGIN + metrics.getAscent();
        g.drawString(caption, textX, textY);
    }

    private static String fit(String caption, FontMetrics metrics, int width) {
        if (metrics.stringWidth(caption) <= width) {
            return caption;
        }
        String text = caption;
        while (!text.isEmpty() && metrics.stringWidth(text + "…") > width) {
            text = text.substring(0, text.length() - 1);
        }
        return text + "…";
    }

    private static int toGray(float value) {
        if (Float.isNaN(value)) {
            return 0;
        }
        float clamped = Math.max(0f, Math.min(1f, value));
        return Math.round(clamped * 255f);
    }

    private static final class Item {
        final float[] pixels;
        final String caption;
        final boolean wrong;

        Item(float[] pixels, String caption, boolean wrong) {
            this.pixels = pixels;
            this.caption = caption;
            this.wrong = wrong;
        }
    }
}
