# pipelines/local.mk - pipelines shipped with textpipe.
dist_pipelines_DATA += \
	pipelines/news.json \
	pipelines/clean.json \
	pipelines/entities.json \
	pipelines/people.json \
	pipelines/sentence-split.json
