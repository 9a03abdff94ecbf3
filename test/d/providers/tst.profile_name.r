profile profile-99

