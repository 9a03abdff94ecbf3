speculated
done 7

