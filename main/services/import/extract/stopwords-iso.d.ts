declare module 'stopwords-iso' {
  /** ISO 639-1 code → stop words of that language. */
  const stopwords: Record<string, string[]>;
  export default stopwords;
}
