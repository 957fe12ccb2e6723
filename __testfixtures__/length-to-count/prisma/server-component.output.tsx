import { prisma } from '@/lib/prisma';

export default async function PostsPage({ authorId }: { authorId: number }) {
  const postsCount = await prisma.post.count({ where: { authorId } });
  const label = <T,>(x: T) => String(x);
  return (
    <section>
      <h1>{label(postsCount)} posts</h1>
      {postsCount > 0 && <p>Showing {postsCount}</p>}
    </section>
  );
}
