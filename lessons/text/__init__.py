"""Reading text: articles and saved web pages, sentence splitting."""
