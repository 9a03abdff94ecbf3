second speculation
first speculation

