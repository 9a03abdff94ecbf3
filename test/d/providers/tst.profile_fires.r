profile fired

