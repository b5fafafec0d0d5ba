/**
 * The model's words for people, as keys into per-package bundles ({@code messages.properties} in English,
 * {@code messages_zh_CN.properties} in Simplified Chinese), so the app can show them in either language.
 */
package memscope.model.text;
