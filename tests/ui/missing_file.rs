frs_codes::frs_codes!(path = "errors/codes.json");
