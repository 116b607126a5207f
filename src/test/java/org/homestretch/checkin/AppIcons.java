package org.homestretch.checkin;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the app icon (a white house with a tick on the clinic blue) and writes the files the
 * phone page links to, in {@code src/main/resources/static}: {@code favicon.ico} (16, 32 and 48
 * px), {@code icon.svg}, {@code apple-touch-icon.png} (180 px) and {@code icon-192.png} /
 * {@code icon-512.png} for the web manifest. The files are committed; run this only to change
 * the icon: {@code java src/test/java/org/homestretch/checkin/AppIcons.java}. Not a test.
 */
public final class AppIcons {

    private static final Color BLUE = new Color(0x0b5cad);
    private static final float STROKE = 7f;
    /** On a 100 × 100 square: the roof, the walls, and the tick inside. */
    private static final float[][] LINES = {
            {22, 50, 50, 24, 78, 50},
            {30, 44, 30, 78, 70, 78, 70, 44},
            {38, 61, 46, 69, 60, 54}};

    private AppIcons() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/static");
        Files.createDirectories(dir);
        // Browser tabs get rounded corners; home screens round the corners themselves and want the full square.
        Files.write(dir.resolve("favicon.ico"), ico(List.of(png(16, true), png(32, true), png(48, true))));
        Files.writeString(dir.resolve("icon.svg"), svg(), StandardCharsets.UTF_8);
        Files.write(dir.resolve("apple-touch-icon.png"), png(180, false));
        Files.write(dir.resolve("icon-192.png"), png(192, false));
        Files.write(dir.resolve("icon-512.png"), png(512, false));
    }

    static byte[] png(int size, boolean rounded) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 100.0, size / 100.0);
        g.setColor(BLUE);
        g.fill(rounded ? new RoundRectangle2D.Float(0, 0, 100, 100, 44, 44) : new java.awt.Rectangle(0, 0, 100, 100));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(STROKE, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (float[] line : LINES) {
            Path2D.Float path = new Path2D.Float();
            path.moveTo(line[0], line[1]);
            for (int i = 2; i < line.length; i += 2) {
                path.lineTo(line[i], line[i + 1]);
            }
            g.draw(path);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String svg() {
        StringBuilder out = new StringBuilder("""
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
                <rect width="100" height="100" rx="22" fill="#0b5cad"/>
                <g fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" stroke-linejoin="round">
                """);
        for (float[] line : LINES) {
            out.append("<polyline points=\"");
            for (int i = 0; i < line.length; i += 2) {
                out.append(i == 0 ? "" : " ").append((int) line[i]).append(',').append((int) line[i + 1]);
            }
            out.append("\"/>\n");
        }
        return out.append("</g>\n</svg>\n").toString();
    }

    /** An ICO file holding PNG images, which every current browser reads. */
    static byte[] ico(List<byte[]> pngs) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        for (byte[] png : pngs) {
            sizes.add(ImageIO.read(new java.io.ByteArrayInputStream(png)).getWidth());
        }
        int offset = 6 + 16 * pngs.size();
        ByteBuffer header = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) pngs.size());
        for (int i = 0; i < pngs.size(); i++) {
            int size = sizes.get(i);
            header.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size))
                    .put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                    .putInt(pngs.get(i).length).putInt(offset);
            offset += pngs.get(i).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.array());
        for (byte[] png : pngs) {
            out.write(png);
        }
        return out.toByteArray();
    }
}
