package sa.civilaffairs.cc.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.text.Language;

class DialogTest {

    @Test
    void aDialogSurvivesTheRedisHash() {
        Dialog dialog = Dialog.at(Step.BOOK_TIME, Language.EN, Instant.ofEpochMilli(1_790_000_000_123L))
                .with("nid", "1000000099").with("c.SERVICE", "ID_RENEWAL");
        assertEquals(dialog, Dialog.fromFields(dialog.toFields()));
    }

    @Test
    void withNullForgetsAKey() {
        Dialog dialog = Dialog.at(Step.BOOK_ID, Language.AR, Instant.EPOCH).with("hold", "h-1").with("hold", null);
        assertFalse(dialog.get("hold").isPresent());
        assertThrows(IllegalStateException.class, () -> dialog.require("hold"));
    }

    @Test
    void choosingAStepForgetsTheLaterOnes() {
        SlotSelection selection = SlotSelection.start(new NationalId("1000000099"), Section.MEN)
                .with(ChoiceStep.SERVICE, "ID_RENEWAL").with(ChoiceStep.REGION, "RIYADH")
                .with(ChoiceStep.OFFICE, "RUH-01");
        SlotSelection again = selection.with(ChoiceStep.REGION, "MAKKAH");
        assertEquals(Map.of(ChoiceStep.SERVICE, "ID_RENEWAL", ChoiceStep.REGION, "MAKKAH"), again.chosen());
        assertEquals(ChoiceStep.OFFICE, again.pending().orElseThrow());
        assertEquals(ChoiceStep.REGION, selection.without(ChoiceStep.REGION).pending().orElseThrow());
        assertFalse(again.slot().isPresent());
    }

    @Test
    void choiceStepsGoForwardAndBack() {
        assertEquals(ChoiceStep.REGION, ChoiceStep.SERVICE.next().orElseThrow());
        assertFalse(ChoiceStep.TIME.next().isPresent());
        assertFalse(ChoiceStep.SERVICE.previous().isPresent());
    }
}
