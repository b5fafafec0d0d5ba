package memscope.app.hooks;

import java.util.List;
import javafx.scene.control.MenuItem;

/**
 * A feature's menu items, slot by slot: the feature makes them, the window places them
 * ({@link MenuHooks#offer}), so the feature need not know where its menus are.
 */
@FunctionalInterface
public interface MenuContribution {
    /** The items for {@code slot}, in order (none for a slot it does not use). */
    List<MenuItem> menuItems(MenuHooks.MenuSlot slot);
}
