import { Article } from './models.js';

/** How many articles an author has published (loads them all to count). */
export async function publishedCount(author: string): Promise<number> {
  const articles = await Article.find({ author, published: true }).lean();
  return articles.length;
}

/** Does the author have any draft? */
export async function hasDrafts(author: string): Promise<boolean> {
  return (await Article.find({ author, published: false })).length > 0;
}

/** The author's most read article. */
export async function mostRead(author: string) {
  const [top] = await Article.find({ author }).sort({ views: -1, _id: 1 }).lean();
  return top;
}

/** Titles of every published article. */
export async function titles(): Promise<string[]> {
  return (await Article.find({ published: true }).lean()).map((a) => a.title);
}

/** Every article's views, added up in JavaScript. */
export async function totalViews(): Promise<number> {
  return (await Article.find({ published: true }).lean()).reduce((sum, a) => sum + a.views, 0);
}

/** Re-tags every article, one document at a time. */
export async function retag(): Promise<void> {
  for (const a of await Article.find({ published: true })) {
    a.tags = [...new Set([...(a.tags ?? []), 'archive'])];
    await a.save();
  }
}
