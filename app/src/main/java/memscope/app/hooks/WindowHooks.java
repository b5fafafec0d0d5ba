package memscope.app.hooks;

/**
 * The whole window as a feature sees it, made of the small hooks a feature asks for by what it needs:
 * {@link DocumentHooks} (what to read and point at), {@link StatusHooks} (the status line), {@link MenuHooks}
 * (menu items, or a {@link MenuContribution}), {@link PanelHooks} (bars, panels, docking) and
 * {@link DocumentViewHooks} (opening and saving documents). The window implements it; features know only these,
 * never the window's class, so the window can change its layout without touching them (LayeredArchitectureTest,
 * which also keeps this interface free of methods of its own). Take the smallest hook that does.
 */
public interface WindowHooks extends DocumentHooks, StatusHooks, MenuHooks, PanelHooks, DocumentViewHooks {
}
