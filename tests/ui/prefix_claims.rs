frs_codes::frs_codes!();
