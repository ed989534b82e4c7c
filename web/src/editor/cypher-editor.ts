import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { cypher } from "@codemirror/legacy-modes/mode/cypher";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, placeholder } from "@codemirror/view";

/** Sizes and fonts; CodeMirror mounts themes with its own styles, inside the shadow root below. */
const consoleTheme = EditorView.theme({
  "&": { fontSize: "0.88rem", minHeight: "5rem", maxHeight: "14rem" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace", overflow: "auto" },
  ".cm-content": { minHeight: "5rem" },
});

/**
 * A CodeMirror 6 editor with Cypher highlighting (the Cypher mode of @codemirror/legacy-modes).
 * It lives in a shadow root: there CodeMirror puts its styles in constructable stylesheets (adoptedStyleSheets),
 * which the CSP (style-src 'self', no 'unsafe-inline') allows; in the main document it would inject <style> elements,
 * which that CSP blocks.
 */
export class CypherEditor {
  readonly view: EditorView;

  constructor(host: HTMLElement, initial: string, onRun: () => void) {
    const root = host.attachShadow({ mode: "open" });
    this.view = new EditorView({
      root,
      parent: root,
      state: EditorState.create({
        doc: initial,
        extensions: [
          lineNumbers(),
          history(),
          bracketMatching(),
          StreamLanguage.define(cypher),
          syntaxHighlighting(defaultHighlightStyle),
          placeholder("MATCH (n:Entity) RETURN n LIMIT 25"),
          keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }, ...defaultKeymap, ...historyKeymap]),
          EditorView.lineWrapping,
          consoleTheme,
          EditorView.contentAttributes.of({ "aria-label": "Cypher query" }),
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  set text(value: string) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: value } });
  }
}
