// In JavaScript there is no type to keep: `?? undefined` alone keeps the value.
export async function run(prisma, authorId) {
  const posts = await prisma.post.findMany({ where: { authorId }, orderBy: { id: 'asc' } });
  const newest = (await prisma.post.findMany({ where: { authorId }, orderBy: { id: 'desc' } }))[0];
  return [posts[0].title, newest.title];
}
