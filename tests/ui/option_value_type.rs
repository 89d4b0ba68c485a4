frs_codes::frs_codes!(name = "GatewayCode");
