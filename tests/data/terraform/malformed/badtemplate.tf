locals {
  x = "${oops"
}
