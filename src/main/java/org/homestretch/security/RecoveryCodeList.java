package org.homestretch.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.List;

/** Freshly made recovery codes, shown this once: only their hashes are kept. */
class RecoveryCodeList extends Div {

    final UnorderedList list;

    RecoveryCodeList(List<String> codes) {
        addClassName("hs-recovery-codes");
        list = new UnorderedList(codes.stream().map(ListItem::new).toArray(ListItem[]::new));
        list.addClassName("hs-recovery-code-list");
        add(new Paragraph("Keep these " + codes.size() + " recovery codes somewhere safe, away from your phone: "
                + "print them or write them down. If you lose your phone, each code signs you in once instead of "
                + "a code from the app. You will not see them again."), list);
    }

    List<String> codes() {
        return list.getChildren().map(item -> ((ListItem) item).getText()).toList();
    }
}
