import { prisma } from '@/lib/prisma';

export default async function PostsPage({ authorId }: { authorId: number }) {
  const posts = await prisma.post.findMany({ where: { authorId }, include: { author: true } });
  const label = <T,>(x: T) => String(x);
  return (
    <section>
      <h1>{label(posts.length)} posts</h1>
      {posts.length > 0 && <p>Showing {posts.length}</p>}
    </section>
  );
}
