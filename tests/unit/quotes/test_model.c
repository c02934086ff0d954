/* The speaker model: the compiled-in weights fit the features, weights
 * files load (and bad ones are refused with their line), a chooser sees
 * every candidate with the speaker it stands for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "doc.h"
#include "error.h"
#include "model.h"
#include "quotes.h"

static const char text[] = "Council news\n\n\"We will build the bridge next year,\" said Anna Berg.\n";

/* The speaker of the one quote of text with opts. */
static char *speaker_with(const quotes_opts *o)
{
	doc *d = NULL;
	assert_int_equal(doc_from_bytes("t.txt", text, strlen(text), &d), 0);
	quote_list l;
	assert_int_equal(quotes_find(d, o, &l), 0);
	assert_int_equal(l.n, 1);
	char *s = l.v[0].speaker ? strdup(l.v[0].speaker) : NULL;
	quote_list_free(&l);
	doc_free(d);
	return s;
}

static char *write_file(const char *content)
{
	char *path = strdup("/tmp/quoth-model-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, strlen(content)), (ssize_t)strlen(content));
	close(fd);
	return path;
}

static void compiled_in_weights_fit(void **state)
{
	assert_true(quote_model_default_fits());
	char *s = speaker_with(NULL);
	assert_non_null(s);
	assert_string_equal(s, "Anna Berg");
	free(s);
}

static void feature_names_are_unique(void **state)
{
	size_t n = quote_model_features();
	char a[160], b[160];
	assert_true(n > 100);
	for (size_t i = 1; i < n; i += 97) {
		quote_model_feature_name(i - 1, a, sizeof a);
		quote_model_feature_name(i, b, sizeof b);
		assert_string_not_equal(a, b);
		assert_non_null(strchr(b, '='));
	}
	quote_model_feature_name(n - 1, a, sizeof a);
	assert_non_null(strchr(a, '@'));   /* the last block is a language's */
}

static void weights_file_loads(void **state)
{
	char name[160], content[400];
	quote_model_feature_name(0, name, sizeof name);
	snprintf(content, sizeof content, "# a comment\n\n%s\t-12\n", name);
	char *path = write_file(content);
	quote_model *m;
	size_t line;
	assert_int_equal(quote_model_load(path, &m, &line), 0);
	assert_non_null(m);
	quote_model_free(m);
	unlink(path);
	free(path);
}

static void bad_weights_files(void **state)
{
	static const char *const bad[] = { "kind=name\n", "kind=name\tx\n", "kind=name\t12x\n", "nothing=here\t3\n",
	                                   "kind=name\t99999999999\n" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char content[200];
		snprintf(content, sizeof content, "# first\n%s", bad[i]);
		char *path = write_file(content);
		quote_model *m = (quote_model *)1;
		size_t line = 0;
		assert_int_equal(quote_model_load(path, &m, &line), Q_ESYNTAX);
		assert_null(m);
		assert_int_equal(line, 2);
		unlink(path);
		free(path);
	}
	quote_model *m;
	size_t line;
	assert_int_equal(quote_model_load("/nonexistent/quoth.w", &m, &line), Q_ENOENT);
}

static void zero_weights_choose_nobody(void **state)
{
	quote_model *m = quote_model_new();
	assert_non_null(m);
	quotes_opts o;
	quotes_opts_init(&o);
	o.model = m;
	assert_null(speaker_with(&o));   /* every score 0: the first candidate, "no speaker", wins */
	quote_model_free(m);
}

typedef struct seen {
	size_t quotes, cands;
	bool berg;
} seen;

static size_t pick_berg(void *ctx, const doc *d, const quote *q, quote_cands *c)
{
	seen *s = ctx;
	size_t pick = 0;
	s->quotes++;
	for (size_t i = 0; i < quote_cands_n(c); i++) {
		size_t nf;
		assert_non_null(quote_cands_features(c, i, &nf));
		assert_true(nf > 0);
		const char *spk = quote_cands_speaker(c, i);
		if (spk && !strcmp(spk, "Anna Berg")) {
			s->berg = true;
			pick = i;
		}
		s->cands++;
	}
	assert_null(quote_cands_speaker(c, 0));   /* "no speaker" comes first */
	return pick;
}

static void a_chooser_sees_the_candidates(void **state)
{
	seen s = { 0 };
	quote_chooser ch = { pick_berg, &s };
	quotes_opts o;
	quotes_opts_init(&o);
	o.chooser = &ch;
	char *spk = speaker_with(&o);
	assert_int_equal(s.quotes, 1);
	assert_true(s.cands >= 2);
	assert_true(s.berg);
	assert_string_equal(spk, "Anna Berg");
	free(spk);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compiled_in_weights_fit),
		cmocka_unit_test(feature_names_are_unique),
		cmocka_unit_test(weights_file_loads),
		cmocka_unit_test(bad_weights_files),
		cmocka_unit_test(zero_weights_choose_nobody),
		cmocka_unit_test(a_chooser_sees_the_candidates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
