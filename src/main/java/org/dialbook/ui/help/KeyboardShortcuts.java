package org.dialbook.ui.help;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The list behind Help → Keyboard shortcuts. The menu part is read from the menu bar itself, so it
 * cannot drift from what the keys really do; the table's own keys (which have no menu item) are
 * listed here, next to nothing else.
 */
public final class KeyboardShortcuts {

    /**
     * One shortcut.
     *
     * @param group the menu it lives in, or "Contacts table"
     * @param action what it does, as the menu says it
     * @param keys the keys as this OS shows them (Ctrl+N, ⌘N)
     */
    public record Shortcut(String group, String action, String keys) {
    }

    private KeyboardShortcuts() {
    }

    /** Every menu item with an accelerator, in menu order, then the table's keys. */
    public static List<Shortcut> collect(List<Menu> menus) {
        List<Shortcut> shortcuts = new ArrayList<>();
        for (Menu menu : menus) {
            addItems(label(menu.getText()), menu.getItems(), shortcuts);
        }
        shortcuts.addAll(tableKeys());
        return shortcuts;
    }

    private static void addItems(String group, List<MenuItem> items, List<Shortcut> into) {
        for (MenuItem item : items) {
            if (item instanceof Menu submenu) {
                addItems(group, submenu.getItems(), into);
            } else if (item.getAccelerator() != null) {
                into.add(new Shortcut(group, label(item.getText()), item.getAccelerator().getDisplayText()));
            }
        }
    }

    /** The keys the contacts table handles itself (ContactsView.tableKeys and TableView's editing). */
    static List<Shortcut> tableKeys() {
        String group = "Contacts table";
        return List.of(
                new Shortcut(group, "Edit the selected cell", keys(KeyCode.ENTER) + " or " + keys(KeyCode.F2)),
                new Shortcut(group, "Cancel the edit", keys(KeyCode.ESCAPE)),
                new Shortcut(group, "Next page", keys(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN)),
                new Shortcut(group, "Previous page", keys(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN)),
                new Shortcut(group, "First page", keys(KeyCode.HOME, KeyCombination.SHORTCUT_DOWN)),
                new Shortcut(group, "Last page", keys(KeyCode.END, KeyCombination.SHORTCUT_DOWN)));
    }

    private static String keys(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers).getDisplayText();
    }

    /** "_Edit contact…" becomes "Edit contact". */
    static String label(String menuText) {
        String text = menuText == null ? "" : menuText.replace("_", "");
        return text.endsWith("…") ? text.substring(0, text.length() - 1) : text;
    }
}
