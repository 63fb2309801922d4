package org.dialbook.ui.lists;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The "Lists" column's text: the names of a contact's lists, never their sids. */
public final class ListNames {
    private ListNames() {
    }

    /** "VIP callers, Diwali callers" from {@code filter=show_list}'s {@code lists}; "" when none or not asked. */
    public static String of(JsonElement lists) {
        if (lists == null || !lists.isJsonArray()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        for (JsonElement element : lists.getAsJsonArray()) {
            if (element instanceof JsonObject list && list.get("name") != null && list.get("name").isJsonPrimitive()) {
                names.add(list.get("name").getAsString());
            }
        }
        return String.join(", ", names);
    }
}
