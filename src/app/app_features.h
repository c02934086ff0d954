/* The features of the reader, each described in its own file. */
#ifndef QUOTH_APP_FEATURES_H
#define QUOTH_APP_FEATURES_H

#include "app_internal.h"

extern const app_feature app_panes_feature;     /* app_panes.c */
extern const app_feature app_help_feature;      /* app_help.c */
extern const app_feature app_tagged_feature;    /* app_tagged.c */
extern const app_feature app_visual_feature;    /* app_visual.c */
extern const app_feature app_big_feature;       /* app_big.c */
extern const app_feature app_search_feature;    /* app_search.c */
extern const app_feature app_tags_feature;      /* app_tags.c */
extern const app_feature app_export_feature;    /* app_export.c */
extern const app_feature app_corpus_feature;    /* app_corpus.c */
extern const app_feature app_list_feature;      /* app_list.c */
extern const app_feature app_indexing_feature;  /* app_indexing.c */
extern const app_feature app_speaker_feature;   /* app_speaker.c */

#endif
