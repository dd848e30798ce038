package org.dl4jsuite.common.report;

import org.dl4jsuite.common.io.AtomicFiles;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG line chart of one or more named series sharing one x axis, e.g. per-step training loss and
 * per-epoch validation loss plotted against the step.
 */
public final class LinePlot {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private boolean logY;

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a series in the chart theme's next colour; NaN and infinite points are left out when drawing. */
    public LinePlot series(String name, double[] xs, double[] ys) {
        return series(name, xs, ys, null);
    }

    /** Adds a series drawn in the given colour; NaN and infinite points are left out when drawing. */
    public LinePlot series(String name, double[] xs, double[] ys, Color color) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(
                    "Series '" + name + "' has " + xs.length + " x values but " + ys.length + " y values");
        }
        if (series.containsKey(name)) {
            throw new IllegalArgumentException("Series '" + name + "' was added twice");
        }
        series.put(name, new Series(xs.clone(), ys.clone(), color, false));
        return this;
    }

    /**
     * Adds the spread around a series (e.g. mean ± standard deviation over seeds) as two thin lines in a light shade
     * of {@code color}, left out of the legend.
     */
    public LinePlot band(String name, double[] xs, double[] lower, double[] upper, Color color) {
        Color light = new Color(color.getRed(), color.getGreen(), color.getBlue(), 90);
        series.put(name + " (low)", new Series(xs.clone(), lower.clone(), light, true));
        series.put(name + " (high)", new Series(xs.clone(), upper.clone(), light, true));
        return this;
    }

    /** Uses a logarithmic y axis; points with y ≤ 0 are then left out because they have no logarithm. */
    public LinePlot logY(boolean logY) {
        this.logY = logY;
        return this;
    }

    /** Renders the chart and writes it to {@code png} atomically; throws SuiteException if it cannot be written. */
    public void save(Path png, int width, int height) {
        AtomicFiles.write(png, toPngBytes(width, height));
    }

    byte[] toPngBytes(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Chart size must be positive, got " + width + "×" + height);
        }
        Headless.ensure();
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        int plotted = 0;
        for (Map.Entry<String, Series> entry : series.entrySet()) {
            Series s = entry.getValue();
            double[][] points = s.finitePoints(logY);
            if (points[0].length == 0) {
                continue;
            }
            XYSeries added = chart.addSeries(entry.getKey(), points[0], points[1]);
            // A single point has no line to draw, so it needs a marker to be visible at all.
            added.setMarker(points[0].length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            if (s.color != null) {
                added.setLineColor(s.color);
                added.setMarkerColor(s.color);
            }
            if (s.band) {
                added.setShowInLegend(false);
                added.setLineWidth(1f);
                continue;
            }
            plotted++;
        }
        // One series is already named by the title and y label; a legend would only take space from the plot.
        chart.getStyler().setLegendVisible(plotted > 1);
        if (plotted == 0) {
            // XChart cannot scale axes without data, so the empty case is an annotated placeholder chart.
            chart.getStyler().setYAxisLogarithmic(false);
            XYSeries placeholder = chart.addSeries("no data", new double[] {0, 1}, new double[] {0, 1});
            placeholder.setMarker(SeriesMarkers.NONE);
            placeholder.setLineColor(new Color(0, 0, 0, 0));
            chart.addAnnotation(new AnnotationText("no data", 0.5, 0.5, false));
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            // Encoding to memory fails only on a JRE defect, not on anything the user can fix.
            throw new UncheckedIOException(e);
        }
    }

    private static final class Series {
        final double[] xs;
        final double[] ys;
        final Color color;
        final boolean band;

        Series(double[] xs, double[] ys, Color color, boolean band) {
            this.xs = xs;
            this.ys = ys;
            this.color = color;
            this.band = band;
        }

        double[][] finitePoints(boolean logY) {
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(xs[i]) && Double.isFinite(ys[i]) && (!logY || ys[i] > 0)) {
                    kept.add(new double[] {xs[i], ys[i]});
                }
            }
            double[][] out = new double[2][kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                out[0][i] = kept.get(i)[0];
                out[1][i] = kept.get(i)[1];
            }
            return out;
        }
    }
}
