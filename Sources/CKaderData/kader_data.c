// Embeds the reference CSV files at compile time (C23 #embed): a C string of 2 MB
// compiles in a moment, where a Swift literal of that size would take minutes.
#include "CKaderData.h"

#pragma clang diagnostic ignored "-Wc23-extensions"

const unsigned char kader_provinces_csv[] = {
#embed "provinces.csv"
};
const size_t kader_provinces_csv_size = sizeof(kader_provinces_csv);

const unsigned char kader_wilayah_csv[] = {
#embed "wilayah.csv"
};
const size_t kader_wilayah_csv_size = sizeof(kader_wilayah_csv);

const unsigned char kader_holidays_csv[] = {
#embed "holidays.csv"
};
const size_t kader_holidays_csv_size = sizeof(kader_holidays_csv);

const unsigned char kader_default_program_toml[] = {
#embed "programs/kpmd.toml"
};
const size_t kader_default_program_toml_size = sizeof(kader_default_program_toml);

const unsigned char kader_kpm_program_toml[] = {
#embed "programs/kpm.toml"
};
const size_t kader_kpm_program_toml_size = sizeof(kader_kpm_program_toml);
