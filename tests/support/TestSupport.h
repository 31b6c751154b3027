#include "core/ApiError.h"
