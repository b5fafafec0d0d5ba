package memscope.app.hooks;

import java.util.List;
import javafx.scene.control.MenuItem;

/** Where a feature puts its menu items: File (above Quit), Edit or View (at the end). */
public interface MenuHooks {
    /** Where contributed menu items go: File (above Quit), Edit, View (at the end). */
    enum MenuSlot { FILE, EDIT, VIEW }

    /** Adds menu items: to File above Quit, to the end of Edit or View. */
    void addMenuItems(MenuSlot slot, List<MenuItem> items);

    /** Adds every item {@code feature} offers, slot by slot. */
    default void offer(MenuContribution feature) {
        for (MenuSlot slot : MenuSlot.values()) {
            List<MenuItem> items = feature.menuItems(slot);
            if (!items.isEmpty()) {
                addMenuItems(slot, items);
            }
        }
    }
}
