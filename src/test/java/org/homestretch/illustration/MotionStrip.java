package org.homestretch.illustration;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * A strip of animation frames for every moving figure, to look at them side by side: writes
 * {@code target/screenshots/motion-strip.html}, which shows each animated SVG eight times,
 * paused at moments from the start to the end pose and back, and (with Debian's chromium)
 * {@code motion-strip.png} beside it; {@code motion-strip-3} shows three larger, and
 * {@code motion-strip-reduced} the same with reduced motion asked for (every cell the still end pose). The page pauses the animations with a script; the
 * figures themselves have none. Run with the test classpath; not a test.
 */
public final class MotionStrip {

    static final double[] MOMENTS = {0, 0.4, 0.8, 1.0, 1.2, 1.6, 2.0, 2.0 + 2 + 1.0};

    public static void main(String[] args) throws Exception {
        File dir = new File("target/screenshots");
        dir.mkdirs();
        MotionLibrary library = MotionLibrary.load();
        write(dir, "motion-strip", library, library.all().keySet(), 150, "");
        write(dir, "motion-strip-3", library, List.of("knee-to-chest", "bridge", "bird-dog"), 300, "");
        write(dir, "motion-strip-reduced", library, List.of("knee-to-chest", "bridge", "bird-dog"), 300,
                "--force-prefers-reduced-motion");
    }

    private static void write(File dir, String name, MotionLibrary library, java.util.Collection<String> slugs,
                              int cell, String flag) throws Exception {
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><style>"
                + "body{font:14px sans-serif;margin:8px;background:#fff}.row{display:flex;gap:6px;margin:0 0 10px}"
                + ".cell{width:" + cell + "px;border:1px solid #ddd}.cell svg{width:100%;display:block}"
                + "h2{font-size:13px;margin:4px 0}</style>");
        html.append("<p>Seconds: ");
        for (double m : MOMENTS) {
            html.append(m).append(" &nbsp; ");
        }
        html.append("(hold 2 s)</p>");
        int copy = 0;
        for (String slug : slugs) {
            String svg = MotionSvg.write(library.find(slug).orElseThrow(), slug, 2);
            html.append("<h2>").append(slug).append("</h2><div class=row>");
            for (double moment : MOMENTS) {
                // Each copy its own ids, so each keeps its own clock.
                String own = svg.replace("\"m", "\"c" + copy + "m").replace("#m", "#c" + copy + "m");
                html.append("<div class=cell data-t=").append(moment).append('>').append(own).append("</div>");
                copy++;
            }
            html.append("</div>");
        }
        library.refused().forEach((slug, reason) -> html.append("<p style=color:red>").append(slug).append(": ")
                .append(reason).append("</p>"));
        html.append("<script>for (const c of document.querySelectorAll('.cell')) { const s = c.querySelector('svg');"
                + " s.pauseAnimations(); s.setCurrentTime(parseFloat(c.dataset.t)); }</script>");
        File page = new File(dir, name + ".html");
        Files.writeString(page.toPath(), html, StandardCharsets.UTF_8);
        File png = new File(dir, name + ".png");
        List<String> command = new java.util.ArrayList<>(List.of("chromium", "--headless", "--no-sandbox",
                "--disable-gpu", "--hide-scrollbars", "--window-size=" + (8 * (cell + 8) + 20) + ","
                        + (40 + slugs.size() * (cell * 3 / 4 + 40)), "--screenshot=" + png.getAbsolutePath()));
        if (!flag.isEmpty()) {
            command.add(flag);
        }
        command.add(page.toURI().toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        System.out.println("chromium exited " + p.waitFor() + "; wrote " + page + " and " + png);
    }
}
