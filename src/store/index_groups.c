/* The same quote across articles: groups and group_members. */
#include "error.h"
#include "index_internal.h"

int index_derive_groups(qindex *ix)
{
	return index_exec(ix, "DELETE FROM group_members; DELETE FROM groups;");
}
