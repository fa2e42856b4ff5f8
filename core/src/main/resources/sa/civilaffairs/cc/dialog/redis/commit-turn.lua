-- One dialog turn, atomically: the state goes on (or ends) and the answer to the message is remembered.
-- KEYS[1] state hash, KEYS[2] turn record
-- ARGV[1] state ttl ms, ARGV[2] turn ttl ms, ARGV[3] encoded replies, ARGV[4..] field, value pairs (none: end)
redis.call('DEL', KEYS[1])
if #ARGV > 3 then
  local fields = {}
  for i = 4, #ARGV do
    fields[#fields + 1] = ARGV[i]
  end
  redis.call('HSET', KEYS[1], unpack(fields))
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
return 1
