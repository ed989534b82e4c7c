/** The NLP library alone (wink-nlp tagging), for side-by-side timing in `npm run bench`. */
export { tagOnly } from "./text.ts";
