// firstPublishedAt: the date an item first reached the public. It survives republishing, so the
// website sorts by it and the statistics count an item in the year it was first published.
export default () => ({
  future: {
    experimental_firstPublishedAt: true,
  },
});
