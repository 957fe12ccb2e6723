// Plain JavaScript: `where` may be undefined at run time, which Prisma accepts
// alone but rejects inside AND, and nothing checks it before then.
export async function activeOf(prisma, where) {
  return (await prisma.user.findMany({ where })).filter((u) => u.active);
}
