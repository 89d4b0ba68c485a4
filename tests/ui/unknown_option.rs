frs_codes::frs_codes!(nmae = GatewayCode);
