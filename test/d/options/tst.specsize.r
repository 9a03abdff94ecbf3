committed

