/* Which features the reader has, in the order they are asked: the layers
 * first, top one first (help over the tagged view over a selection), then
 * the rest. To add a feature, describe it in its own file and list it here. */
#include "app_features.h"

void app_features_register(app *a)
{
	static const app_feature *const all[] = {
		&app_panes_feature,
		&app_help_feature,
		&app_tagged_feature,
		&app_corpus_feature,
		&app_visual_feature,
		&app_big_feature,
		&app_search_feature,
		&app_tags_feature,
		&app_export_feature,
		&app_speaker_feature,
		&app_list_feature,
		&app_indexing_feature,
	};
	for (size_t k = 0; k < sizeof all / sizeof *all; k++)
		app_register(a, all[k]);
}
