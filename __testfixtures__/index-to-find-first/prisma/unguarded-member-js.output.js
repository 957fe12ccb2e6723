// In JavaScript there is no type to keep: `?? undefined` alone keeps the value.
export async function run(prisma, authorId) {
  const firstPost = (await prisma.post.findFirst({ where: { authorId }, orderBy: { id: 'asc' } })) ?? undefined;
  const newest = (await prisma.post.findFirst({ where: { authorId }, orderBy: { id: 'desc' } })) ?? undefined;
  return [firstPost.title, newest.title];
}
