#include <gtest/gtest.h>
TEST(Cfn, Placeholder) {}
