package org.dl4jsuite.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Captions under the panels: broken into lines that fit, never cut mid-word unless a word is too long. */
class AdversarialPanelTest {

    @Test
    void longCaptionsWrapOntoTwoLinesAndTheRestIsElided() {
        System.setProperty("java.awt.headless", "true");
        Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        String caption = "adv: cougar, puma, catamount, mountain lion, painter, panther, Felis concolor 97% (PNG: cougar)";
        List<String> lines = AdversarialPanel.wrap(g, caption, 224, 2);
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            assertThat(g.getFontMetrics().stringWidth(line)).isLessThanOrEqualTo(224);
        }
        assertThat(lines.get(0)).startsWith("adv: cougar, puma,").doesNotEndWith(" ");
        assertThat(lines.get(1)).endsWith("…");
        assertThat(AdversarialPanel.wrap(g, "goldfish 99%", 224, 2)).containsExactly("goldfish 99%");
        g.dispose();
    }
}
