package io.sparkfeed.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws the demo photos: soft still lifes of simple objects, so a fresh instance looks alive without downloading
 * anything. Each product kind has a shape and a colour; a post's scene places one to three of them. The generated
 * benchmark dataset draws its photos here too.
 */
public final class DemoPictures {

    public enum Shape {
        MUG,
        LAMP,
        BOTTLE,
        PLANT,
        HEADPHONES,
        WATCH,
        BOOKS,
        SNEAKER,
        BACKPACK,
        CANDLE,
        BOWL,
        CAMERA
    }

    /** An object of a scene: its shape and colour, centred at (x, y) as fractions of the picture, at a scale. */
    public record Placed(Shape shape, Color color, double x, double y, double scale) {}

    private DemoPictures() {}

    public static BufferedImage product(Shape shape, Color color, Color background) {
        BufferedImage image = new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, background, background.darker());
        draw(g, shape, color, 540, 600, 1.6);
        g.dispose();
        return image;
    }

    public static BufferedImage scene(List<Placed> objects, Color wall, Color table) {
        BufferedImage image = new BufferedImage(1080, 1350, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(image, wall, wall.darker());
        g.setPaint(new GradientPaint(0, 900, table, 0, 1350, table.darker()));
        g.fillRect(0, 900, 1080, 450);
        for (Placed p : objects) {
            draw(g, p.shape(), p.color(), p.x() * 1080, p.y() * 1350, p.scale());
        }
        g.dispose();
        return image;
    }

    private static Graphics2D canvas(BufferedImage image, Color top, Color bottom) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setPaint(new GradientPaint(0, 0, top, 0, image.getHeight(), bottom));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    private static void draw(Graphics2D g, Shape shape, Color color, double cx, double cy, double s) {
        Graphics2D d = (Graphics2D) g.create();
        d.translate(cx, cy);
        d.scale(s, s);
        // a soft shadow under every object
        d.setColor(new Color(0, 0, 0, 40));
        d.fill(new Ellipse2D.Double(-110, 95, 220, 36));
        Color dark = color.darker();
        switch (shape) {
            case MUG -> {
                d.setColor(dark);
                d.setStroke(new BasicStroke(18));
                d.draw(new Ellipse2D.Double(40, -40, 80, 90));
                d.setColor(color);
                d.fill(new RoundRectangle2D.Double(-80, -90, 150, 200, 30, 30));
                d.setColor(color.brighter());
                d.fill(new Ellipse2D.Double(-80, -100, 150, 30));
            }
            case LAMP -> {
                d.setColor(dark);
                d.fillRect(-8, -60, 16, 170);
                d.fill(new Ellipse2D.Double(-70, 95, 140, 30));
                d.setColor(color);
                d.fillPolygon(new int[] {-90, 90, 55, -55}, new int[] {-20, -20, -150, -150}, 4);
                d.setColor(new Color(255, 240, 180, 120));
                d.fill(new Ellipse2D.Double(-90, -35, 180, 35));
            }
            case BOTTLE -> {
                d.setColor(color);
                d.fill(new RoundRectangle2D.Double(-55, -80, 110, 200, 40, 40));
                d.fillRect(-22, -150, 44, 80);
                d.setColor(dark);
                d.fillRect(-26, -170, 52, 30);
                d.setColor(new Color(255, 255, 255, 90));
                d.fillRect(-35, -40, 16, 120);
            }
            case PLANT -> {
                d.setColor(new Color(46, 125, 50));
                for (int i = 0; i < 7; i++) {
                    Graphics2D leaf = (Graphics2D) d.create();
                    leaf.rotate(Math.toRadians(-75 + i * 25), 0, -10);
                    leaf.fill(new Ellipse2D.Double(-22, -190, 44, 170));
                    leaf.dispose();
                }
                d.setColor(color);
                d.fillPolygon(new int[] {-80, 80, 60, -60}, new int[] {-10, -10, 120, 120}, 4);
            }
            case HEADPHONES -> {
                d.setColor(color);
                d.setStroke(new BasicStroke(26, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                d.draw(new Arc2D.Double(-110, -150, 220, 240, 0, 180, Arc2D.OPEN));
                d.setColor(dark);
                d.fill(new RoundRectangle2D.Double(-140, -40, 70, 130, 30, 30));
                d.fill(new RoundRectangle2D.Double(70, -40, 70, 130, 30, 30));
            }
            case WATCH -> {
                d.setColor(dark);
                d.fill(new RoundRectangle2D.Double(-40, -160, 80, 300, 30, 30));
                d.setColor(color);
                d.fill(new Ellipse2D.Double(-80, -80, 160, 160));
                d.setColor(Color.WHITE);
                d.fill(new Ellipse2D.Double(-64, -64, 128, 128));
                d.setColor(dark);
                d.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                d.drawLine(0, 0, 0, -45);
                d.drawLine(0, 0, 32, 10);
            }
            case BOOKS -> {
                Color[] spines = {color, dark, color.brighter()};
                for (int i = 0; i < 3; i++) {
                    d.setColor(spines[i]);
                    d.fill(new RoundRectangle2D.Double(-120 + i * 10, 60 - i * 55, 230 - i * 20, 50, 8, 8));
                }
            }
            case SNEAKER -> {
                d.setColor(color);
                d.fill(new RoundRectangle2D.Double(-140, -20, 280, 100, 70, 70));
                d.fill(new RoundRectangle2D.Double(-140, -90, 150, 140, 60, 60));
                d.setColor(Color.WHITE);
                d.fill(new RoundRectangle2D.Double(-150, 60, 300, 36, 20, 20));
                d.setColor(dark);
                d.setStroke(new BasicStroke(6));
                for (int i = 0; i < 4; i++) {
                    d.drawLine(-100 + i * 25, -60 + i * 12, -60 + i * 25, -60 + i * 12);
                }
            }
            case BACKPACK -> {
                d.setColor(color);
                d.fill(new RoundRectangle2D.Double(-100, -140, 200, 260, 80, 80));
                d.setColor(dark);
                d.fill(new RoundRectangle2D.Double(-70, 10, 140, 90, 30, 30));
                d.setStroke(new BasicStroke(14));
                d.draw(new Arc2D.Double(-40, -190, 80, 100, 0, 180, Arc2D.OPEN));
            }
            case CANDLE -> {
                d.setColor(color);
                d.fill(new RoundRectangle2D.Double(-70, -60, 140, 170, 20, 20));
                d.setColor(new Color(255, 183, 77));
                d.fill(new Ellipse2D.Double(-14, -130, 28, 55));
                d.setColor(new Color(255, 241, 118));
                d.fill(new Ellipse2D.Double(-7, -110, 14, 30));
            }
            case BOWL -> {
                d.setColor(color);
                d.fill(new Arc2D.Double(-150, -120, 300, 240, 180, 180, Arc2D.CHORD));
                d.setColor(dark);
                d.fill(new Ellipse2D.Double(-150, -20, 300, 40));
            }
            case CAMERA -> {
                d.setColor(color);
                d.fill(new RoundRectangle2D.Double(-140, -80, 280, 180, 30, 30));
                d.fillRect(-50, -115, 100, 40);
                d.setColor(dark);
                d.fill(new Ellipse2D.Double(-65, -55, 130, 130));
                d.setColor(new Color(30, 30, 40));
                d.fill(new Ellipse2D.Double(-42, -32, 84, 84));
            }
        }
        d.dispose();
    }
}
